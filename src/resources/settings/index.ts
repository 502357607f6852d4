import SettingsIcon from '@mui/icons-material/Tune';

/** The console's settings live on one page of their own (/settings), not as a list of records. */
export default {
  icon: SettingsIcon,
};
