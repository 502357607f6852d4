import { Alert, Box, Card, InputAdornment, Switch, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { RecordContextProvider, ReferenceField, Title, useTranslate } from 'react-admin';
import type { Setting } from '../../providers/dataProvider';
import { TimestampField } from '../../ui/Dates';
import { useSettingName, useSettings } from './useSettings';

const inherit = { fontSize: 'inherit', color: 'inherit' } as const;

/** A number of hours or a percent, saved when the field is left or Enter is pressed, if it changed. */
const NumberInput = ({
  name,
  value,
  unit,
  disabled,
  onChange,
}: {
  name: string;
  value: number;
  unit: 'hours' | 'percent';
  disabled: boolean;
  onChange: (value: number) => void;
}) => {
  const translate = useTranslate();
  const [text, setText] = useState(String(value));
  const save = () => {
    const number = Number(text);
    if (text.trim() !== '' && Number.isInteger(number) && number !== value) onChange(number);
    else setText(String(value));
  };
  return (
    <TextField
      type="number"
      size="small"
      value={text}
      disabled={disabled}
      onChange={(event) => setText(event.target.value)}
      onBlur={save}
      onKeyDown={(event) => event.key === 'Enter' && save()}
      slotProps={{
        htmlInput: { 'aria-label': name, step: 1, ...(unit === 'hours' ? { min: 1 } : { min: 0, max: 100 }) },
        input: {
          endAdornment: (
            <InputAdornment position="end">{translate(`verity.settings.units.${unit}`)}</InputAdornment>
          ),
        },
      }}
      sx={{ width: 120, flexShrink: 0 }}
    />
  );
};

const SettingRow = ({
  setting,
  mayChange,
  saving,
  onChange,
}: {
  setting: Setting;
  mayChange: boolean;
  saving: boolean;
  onChange: (value: Setting['value']) => void;
}) => {
  const translate = useTranslate();
  const name = useSettingName()(setting.key);
  return (
    <RecordContextProvider value={setting}>
      <Box
        component="li"
        sx={{
          display: 'flex',
          alignItems: 'flex-start',
          gap: 2,
          py: 1.5,
          '& + &': { borderTop: 1, borderColor: 'divider' },
        }}
      >
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="body1" component="h2" sx={{ fontWeight: 600, fontSize: '0.95rem' }}>
            {name}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {setting.description}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
            {setting.updatedAt ? (
              <>
                {translate('verity.settings.changed')} <TimestampField source="updatedAt" sx={inherit} />
                {setting.updatedBy !== null && (
                  <>
                    {' '}
                    {translate('verity.settings.by')}{' '}
                    <ReferenceField
                      source="updatedBy"
                      reference="moderators"
                      link={false}
                      sx={{ '& .MuiTypography-root': inherit }}
                    />
                  </>
                )}
              </>
            ) : (
              translate('verity.settings.never_changed')
            )}
          </Typography>
        </Box>
        {typeof setting.value === 'number' ? (
          <NumberInput
            key={setting.value}
            name={name}
            value={setting.value}
            unit={setting.unit === 'percent' ? 'percent' : 'hours'}
            disabled={!mayChange || saving}
            onChange={onChange}
          />
        ) : mayChange ? (
          <Switch
            checked={setting.value}
            disabled={saving}
            onChange={(event) => onChange(event.target.checked)}
            slotProps={{ input: { 'aria-label': name } }}
          />
        ) : (
          <Typography variant="body2" sx={{ fontWeight: 600, pt: 0.25 }}>
            {translate(setting.value ? 'verity.rules.on' : 'verity.rules.off')}
          </Typography>
        )}
      </Box>
    </RecordContextProvider>
  );
};

/**
 * The console's own settings, such as whether verifying a doctor takes two verifiers. Everyone
 * sees how the console is set; only admins switch a setting, and each change is audited.
 */
const SettingsPage = () => {
  const translate = useTranslate();
  const { settings, save, mayChange } = useSettings();
  return (
    <Box sx={{ maxWidth: 760, mt: 2 }}>
      <Title title="verity.settings.title" />
      {settings.data?.every((setting) => !mayChange(setting)) && (
        <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
          {translate('verity.settings.read_only')}
        </Alert>
      )}
      <Card sx={{ px: 2 }}>
        {settings.isPending && (
          <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
            {translate('ra.page.loading')}
          </Typography>
        )}
        {settings.isError && (
          <Alert severity="error" sx={{ my: 2 }}>
            {(settings.error as Error).message}
          </Alert>
        )}
        {settings.data && (
          <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {settings.data.map((setting) => (
              <SettingRow
                key={setting.key}
                setting={setting}
                mayChange={mayChange(setting)}
                saving={save.isPending}
                onChange={(value) => save.mutate({ key: setting.key, value })}
              />
            ))}
          </Box>
        )}
      </Card>
    </Box>
  );
};

export default SettingsPage;
