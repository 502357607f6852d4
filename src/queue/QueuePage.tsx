import InboxIcon from '@mui/icons-material/Inbox';
import {
  Alert,
  Box,
  Button,
  Card,
  Chip,
  CircularProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Title, useCanAccessResources, useTranslate } from 'react-admin';
import { moderatedResources, type DecisionAction, type ModeratedResource } from '../domain/transitions';
import { ReasonPicker } from '../ui/ReasonPicker';
import { keyOf, type QueueCommand } from './hotkeys';
import { useHotkeys } from './useHotkeys';
import { HotkeyHelp, Kbd } from './HotkeyHelp';
import { QueueItemContent } from './QueueItemContent';
import { useModerationQueue, type Decided } from './useModerationQueue';

/** The action `a` takes: doctors are verified, content is approved. */
const approveAction = (resource: ModeratedResource): DecisionAction =>
  resource === 'doctors' ? 'verify' : 'approve';

/** A button of the decision bar, with its key beside the label. */
const KeyButton = ({
  command,
  label,
  onClick,
  disabled,
  color = 'inherit',
  variant = 'outlined',
}: {
  command: QueueCommand;
  label: string;
  onClick: () => void;
  disabled?: boolean;
  color?: 'inherit' | 'success' | 'error' | 'info';
  variant?: 'outlined' | 'contained' | 'text';
}) => (
  <Button
    size="small"
    variant={variant}
    color={color}
    onClick={onClick}
    disabled={disabled}
    aria-keyshortcuts={keyOf(command)}
    endIcon={
      <Box component="span" aria-hidden sx={{ display: 'inline-flex' }}>
        <Kbd>{keyOf(command)}</Kbd>
      </Box>
    }
  >
    {label}
  </Button>
);

/** The content types the moderator takes from; only those their role may decide are offered. */
const TypeChips = ({
  offered,
  selected,
  onChange,
}: {
  offered: ModeratedResource[];
  selected: ModeratedResource[];
  onChange: (types: ModeratedResource[]) => void;
}) => {
  const translate = useTranslate();
  const toggle = (type: ModeratedResource) => {
    const next = selected.includes(type) ? selected.filter((t) => t !== type) : [...selected, type];
    // Nothing selected would be an empty queue that is not empty: keep at least one type.
    if (next.length > 0) onChange(offered.filter((t) => next.includes(t)));
  };
  return (
    <Stack direction="row" spacing={1} role="group" aria-label={translate('verity.queue.types')}>
      {offered.map((type) => (
        <Chip
          key={type}
          size="small"
          label={translate(`resources.${type}.name`, { smart_count: 2 })}
          variant={selected.includes(type) ? 'filled' : 'outlined'}
          color={selected.includes(type) ? 'primary' : 'default'}
          aria-pressed={selected.includes(type)}
          onClick={() => toggle(type)}
        />
      ))}
    </Stack>
  );
};

/** The moderation queue: one item at a time, decided from the keyboard (`?` lists the keys). */
const QueuePage = () => {
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccessResources({
    action: 'decide',
    resources: [...moderatedResources],
  });
  const offered = isPending ? [] : moderatedResources.filter((type) => canAccess?.[type]);
  const [chosen, setChosen] = useState<ModeratedResource[] | null>(null);
  const types = chosen ?? offered;

  return (
    <Box sx={{ mt: 1 }}>
      <Title title="verity.queue.title" />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1.5 }}>
        <TypeChips offered={offered} selected={types} onChange={setChosen} />
      </Box>
      {isPending ? (
        <CircularProgress size={24} />
      ) : types.length === 0 ? (
        <Alert severity="info">{translate('verity.queue.nothing_to_decide')}</Alert>
      ) : (
        // A new selection of types is a new session: what was claimed for the old one is given back.
        <QueueSession key={types.join(',')} types={types} />
      )}
    </Box>
  );
};

const QueueSession = ({ types }: { types: ModeratedResource[] }) => {
  const translate = useTranslate();
  const queue = useModerationQueue(types);
  const { current, decided, busy } = queue;
  const [note, setNote] = useState('');
  const [picking, setPicking] = useState(false);
  const [help, setHelp] = useState(false);
  /** Which decision of this session is being looked back at; null: the item to decide. */
  const [viewing, setViewing] = useState<number | null>(null);
  const looking: Decided | null = viewing === null ? null : (decided[viewing] ?? null);

  const decide = async (action: DecisionAction, reasonCode?: string) => {
    if (await queue.decide(action, { reasonCode, note })) setNote('');
  };

  const run = (command: QueueCommand) => {
    if (command === 'help') return setHelp(true);
    if (command === 'previous') {
      if (decided.length > 0) setViewing((index) => Math.max(0, (index ?? decided.length) - 1));
      return;
    }
    if (command === 'next') {
      setViewing((index) => (index === null || index + 1 >= decided.length ? null : index + 1));
      return;
    }
    if (command === 'undo') {
      void queue.undo(looking ?? undefined).then((done) => done && setViewing(null));
      return;
    }
    // Looking back is read-only: only undo decides anything there.
    if (looking || !current) return;
    if (command === 'approve') void decide(approveAction(current.resource));
    if (command === 'reject') setPicking(true);
    if (command === 'escalate' && current.resource !== 'doctors') void decide('escalate');
    if (command === 'skip') void queue.skip();
  };

  useHotkeys('queue', run, !(picking || help));

  const undoButton = (
    <KeyButton
      command="undo"
      variant="text"
      label={translate('verity.queue.undo')}
      onClick={() => run('undo')}
      disabled={busy}
    />
  );
  const shown = looking ?? current;
  const last = decided.at(-1);

  return (
    <>
      {last && !looking && (
        <Alert severity="success" variant="outlined" sx={{ mb: 1.5, py: 0 }} action={undoButton}>
          {translate('verity.queue.last_decision', {
            action: translate(`verity.decision.done.${last.action}`),
            item: translate(`resources.${last.resource}.name`, { smart_count: 1 }).toLowerCase(),
            id: last.record.id,
          })}
        </Alert>
      )}
      {looking && (
        <Alert severity="info" sx={{ mb: 1.5, py: 0 }} action={undoButton}>
          {translate('verity.queue.looking_back', {
            action: translate(`verity.decision.done.${looking.action}`),
            position: (viewing ?? 0) + 1,
            total: decided.length,
          })}
        </Alert>
      )}
      {shown === undefined ? (
        <CircularProgress size={24} aria-label={translate('ra.page.loading')} />
      ) : shown === null ? (
        <EmptyQueue onRefresh={queue.refresh} />
      ) : (
        <QueueItemContent
          key={`${shown.resource}/${shown.record.id}/${shown.record.version}`}
          resource={shown.resource}
          record={shown.record}
          bar={
            looking ? null : (
              <Card sx={{ p: 1.5, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
                <Typography variant="subtitle2" component="h2" sx={{ mr: 1 }}>
                  {translate(`resources.${shown.resource}.name`, { smart_count: 1 })} #{shown.record.id}
                </Typography>
                <KeyButton
                  command="approve"
                  color="success"
                  variant="contained"
                  label={translate(`verity.decision.action.${approveAction(shown.resource)}`)}
                  onClick={() => run('approve')}
                  disabled={busy}
                />
                <KeyButton
                  command="reject"
                  color="error"
                  label={translate('verity.decision.action.reject')}
                  onClick={() => run('reject')}
                  disabled={busy}
                />
                {shown.resource !== 'doctors' && (
                  <KeyButton
                    command="escalate"
                    color="info"
                    label={translate('verity.decision.action.escalate')}
                    onClick={() => run('escalate')}
                    disabled={busy}
                  />
                )}
                <KeyButton
                  command="skip"
                  label={translate('verity.queue.skip')}
                  onClick={() => run('skip')}
                  disabled={busy}
                />
                <TextField
                  size="small"
                  label={translate('verity.decision.note')}
                  value={note}
                  onChange={(event) => setNote(event.target.value)}
                  onKeyDown={(event) => {
                    // Esc leaves the note for the keys, without losing what was typed.
                    if (event.key === 'Escape') (event.target as HTMLElement).blur();
                  }}
                  sx={{ flex: '1 1 200px', ml: 'auto' }}
                />
                <KeyButton
                  command="help"
                  variant="text"
                  label={translate('verity.queue.keys.title')}
                  onClick={() => run('help')}
                />
              </Card>
            )
          }
        />
      )}
      {current && (
        <ReasonPicker
          resource={current.resource}
          open={picking}
          onCancel={() => setPicking(false)}
          onConfirm={(reasonCode) => {
            setPicking(false);
            void decide('reject', reasonCode);
          }}
        />
      )}
      <HotkeyHelp open={help} onClose={() => setHelp(false)} />
    </>
  );
};

/** Nothing to decide: said calmly, with a way to look again. */
const EmptyQueue = ({ onRefresh }: { onRefresh: () => void }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', py: 8, color: 'text.secondary' }}>
      <InboxIcon sx={{ fontSize: 48, opacity: 0.5 }} />
      <Typography variant="h6" component="p" color="text.primary">
        {translate('verity.queue.empty')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate('verity.queue.empty_hint')}
      </Typography>
      <Button size="small" onClick={onRefresh}>
        {translate('verity.queue.check_again')}
      </Button>
    </Box>
  );
};

export default QueuePage;
