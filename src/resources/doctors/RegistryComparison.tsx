import MatchIcon from '@mui/icons-material/CheckCircleOutline';
import MismatchIcon from '@mui/icons-material/ErrorOutline';
import MissingIcon from '@mui/icons-material/RemoveCircleOutline';
import RefreshIcon from '@mui/icons-material/Refresh';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { RecordContextProvider, useRecordContext, useTranslate } from 'react-admin';
import type { FieldComparison, RegistryRecord } from '../../domain/credentials';
import type { Doctor } from '../../domain/model';
import type { RegistryComparison as Comparison } from '../../providers/dataProvider';
import { CalendarDateField, TimestampField } from '../../ui/Dates';
import { Fact, Facts } from '../../ui/Facts';
import { Section } from '../../ui/Section';
import { ToneChip } from '../../ui/ToneChip';
import { toneColors, type Tone } from '../../ui/tones';
import { useRegistryComparison } from './useRegistryComparison';

const verdictLooks: Record<FieldComparison['verdict'], { tone: Tone; icon: typeof MatchIcon }> = {
  match: { tone: 'success', icon: MatchIcon },
  mismatch: { tone: 'danger', icon: MismatchIcon },
  missing: { tone: 'neutral', icon: MissingIcon },
};

const Verdict = ({ verdict }: { verdict: FieldComparison['verdict'] }) => {
  const translate = useTranslate();
  const { tone, icon: Icon } = verdictLooks[verdict];
  return (
    <Box
      component="span"
      title={translate(`resources.doctors.registry.verdict_hint.${verdict}`)}
      sx={(theme) => ({
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        whiteSpace: 'nowrap',
        fontWeight: verdict === 'mismatch' ? 600 : 400,
        color: verdict === 'missing' ? 'text.secondary' : toneColors(theme.palette.mode, tone).color,
      })}
    >
      <Icon sx={{ fontSize: '1.05rem' }} aria-hidden />
      {translate(`resources.doctors.registry.verdict.${verdict}`)}
    </Box>
  );
};

/** A compared value as a verifier reads it: the registry's codes ('A', 'NPI-1') in words. */
const useComparedValue = () => {
  const translate = useTranslate();
  return (field: FieldComparison['field'], value: string | null): ReactNode => {
    if (value === null || value === '')
      return (
        <Box component="span" sx={{ color: 'text.secondary' }}>
          —
        </Box>
      );
    if (field === 'status' || field === 'enumerationType') {
      return translate(`resources.doctors.registry.codes.${field}.${value}`, { _: value });
    }
    if (field === 'licenseNumber')
      return (
        <Box component="span" sx={{ fontFamily: 'monospace' }}>
          {value}
        </Box>
      );
    return value;
  };
};

const ComparisonTable = ({ rows }: { rows: FieldComparison[] }) => {
  const translate = useTranslate();
  const shown = useComparedValue();
  return (
    <Table size="small" aria-label={translate('resources.doctors.registry.table')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.doctors.registry.field_column')}</TableCell>
          <TableCell>{translate('resources.doctors.registry.claimed')}</TableCell>
          <TableCell>{translate('resources.doctors.registry.registry')}</TableCell>
          <TableCell>{translate('resources.doctors.registry.verdict_column')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow
            key={row.field}
            data-verdict={row.verdict}
            sx={(theme) =>
              row.verdict === 'mismatch'
                ? {
                    backgroundColor: toneColors(theme.palette.mode, 'danger').backgroundColor,
                    '& > :first-child': {
                      boxShadow: `inset 3px 0 0 ${toneColors(theme.palette.mode, 'danger').color}`,
                    },
                  }
                : {}
            }
          >
            <TableCell component="th" scope="row" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
              {translate(`resources.doctors.registry.fields.${row.field}`)}
            </TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>{shown(row.field, row.claimed)}</TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>{shown(row.field, row.registry)}</TableCell>
            <TableCell>
              <Verdict verdict={row.verdict} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** NPPES writes ZIP+4 codes as nine digits: 352536087 reads as 35253-6087. */
const postalCode = (code: string) => (/^\d{9}$/.test(code) ? `${code.slice(0, 5)}-${code.slice(5)}` : code);

/** The rest of the registry's record: when the NPI was issued, the taxonomy it is under, where. */
const RegistryDetails = ({ record }: { record: RegistryRecord }) => {
  const translate = useTranslate();
  const primary = record.taxonomies.find((t) => t.primary) ?? record.taxonomies[0];
  const location =
    record.addresses.find((a) => a.purpose.toUpperCase() === 'LOCATION') ?? record.addresses[0];
  return (
    <RecordContextProvider value={record}>
      <Facts sx={{ mt: 1.5 }}>
        <Fact label="resources.doctors.registry.npi">
          <Box component="span" sx={{ fontFamily: 'monospace' }}>
            {record.number}
          </Box>
        </Fact>
        <Fact label="resources.doctors.registry.enumerated">
          <CalendarDateField source="enumerationDate" />
          {record.lastUpdated && (
            <Box component="span" sx={{ color: 'text.secondary' }}>
              {' · '}
              {translate('resources.doctors.registry.updated')} <CalendarDateField source="lastUpdated" />
            </Box>
          )}
        </Fact>
        {primary && (
          <Fact label="resources.doctors.registry.taxonomy">
            {primary.desc}{' '}
            <Box
              component="span"
              sx={{ color: 'text.secondary', fontFamily: 'monospace', fontSize: '0.8rem' }}
            >
              {primary.code}
            </Box>
            {primary.license && (
              <Box component="span" sx={{ color: 'text.secondary' }}>
                {' · '}
                {translate('resources.doctors.registry.license_in', {
                  state: primary.state ?? '—',
                  license: primary.license,
                })}
              </Box>
            )}
          </Fact>
        )}
        {location && (
          <Fact label="resources.doctors.registry.location">
            {location.city}, {location.state} {postalCode(location.postalCode)}
            {location.phone && (
              <Box component="span" sx={{ color: 'text.secondary' }}>
                {' · '}
                {location.phone}
              </Box>
            )}
          </Fact>
        )}
      </Facts>
    </RecordContextProvider>
  );
};

/**
 * Why there is nothing, or something old, to compare: said plainly, with when and what went
 * wrong, and that the registry rule then reports "unknown" rather than a failure.
 */
const OutcomeNotice = ({ answer, npi }: { answer: Comparison; npi: string }) => {
  const translate = useTranslate();
  const failedAt = answer.failedAt ? <TimestampField source="failedAt" /> : null;
  const problem = answer.problem ?? translate('resources.doctors.registry.no_problem_given');
  const notice = (() => {
    switch (answer.outcome) {
      case 'not_looked_up':
        return (
          <Alert severity="info" variant="outlined">
            {translate('resources.doctors.registry.not_looked_up')}
          </Alert>
        );
      case 'unreachable':
        return (
          <Alert severity="warning" variant="outlined">
            <Typography variant="body2" component="div" sx={{ fontWeight: 600 }}>
              {translate('resources.doctors.registry.unreachable')}
            </Typography>
            <Typography variant="body2" component="div">
              {failedAt && (
                <>
                  {translate('resources.doctors.registry.attempted_at')} {failedAt}:{' '}
                </>
              )}
              {problem}
            </Typography>
            <Typography variant="body2" component="div" sx={{ mt: 0.5 }}>
              {translate('resources.doctors.registry.unknown_not_failure')}
            </Typography>
          </Alert>
        );
      case 'not_found':
        return (
          <Alert severity="error" variant="outlined">
            {translate('resources.doctors.registry.not_found', { npi })}
          </Alert>
        );
      default:
        return null;
    }
  })();
  // A registry down after it once answered: the answer shown is the last one it gave.
  const staleAnswer =
    answer.outcome !== 'unreachable' && answer.failedAt !== null ? (
      <Alert severity="warning" variant="outlined">
        {translate('resources.doctors.registry.latest_failed')} {failedAt}: {problem}.{' '}
        {translate('resources.doctors.registry.showing_kept')}
      </Alert>
    ) : null;
  if (!notice && !staleAnswer) return null;
  return (
    <RecordContextProvider value={answer}>
      <Box sx={{ display: 'grid', gap: 1, mb: 1.5 }}>
        {notice}
        {staleAnswer}
      </Box>
    </RecordContextProvider>
  );
};

const Summary = ({ rows }: { rows: FieldComparison[] }) => {
  const translate = useTranslate();
  if (rows.length === 0) return null;
  const mismatches = rows.filter((row) => row.verdict === 'mismatch').length;
  return mismatches > 0 ? (
    <ToneChip
      tone="danger"
      label={translate('resources.doctors.registry.mismatches', { smart_count: mismatches })}
    />
  ) : (
    <ToneChip tone="success" label={translate('resources.doctors.registry.no_mismatch')} />
  );
};

/**
 * The verifier's first question: does the NPI registry know this doctor as the profile describes
 * them? What the profile claims beside what the registry says, field by field, each with its
 * verdict and mismatches marked, stamped with where and when the registry's answer was fetched.
 */
export const RegistryComparison = () => {
  const doctor = useRecordContext<Doctor>();
  const translate = useTranslate();
  const { comparison, askAgain, mayAsk } = useRegistryComparison(doctor?.id, doctor?.version);
  if (!doctor) return null;
  const answer = comparison.data;

  return (
    <Section title="resources.doctors.section.registry">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
        {answer && (
          <RecordContextProvider value={answer}>
            <Typography variant="body2" color="text.secondary" component="div">
              {translate(`resources.doctors.registry.source.${answer.source}`, { _: answer.source })}
              {answer.fetchedAt && (
                <>
                  {' · '}
                  {translate('resources.doctors.registry.fetched_at')} <TimestampField source="fetchedAt" />
                </>
              )}
            </Typography>
          </RecordContextProvider>
        )}
        {answer && <Summary rows={answer.comparison} />}
        {mayAsk && (
          <Button
            size="small"
            startIcon={
              askAgain.isPending ? (
                <CircularProgress size={14} color="inherit" />
              ) : (
                <RefreshIcon fontSize="small" />
              )
            }
            disabled={askAgain.isPending || comparison.isPending}
            onClick={() => askAgain.mutate()}
            sx={{ ml: 'auto', py: 0 }}
          >
            {translate(
              askAgain.isPending
                ? 'resources.doctors.registry.asking'
                : answer?.outcome === 'not_looked_up'
                  ? 'resources.doctors.registry.ask'
                  : 'resources.doctors.registry.ask_again',
            )}
          </Button>
        )}
      </Box>
      {comparison.isPending && (
        <Typography variant="body2" color="text.secondary">
          {translate('ra.page.loading')}
        </Typography>
      )}
      {comparison.isError && (
        <Alert severity="error" variant="outlined">
          {translate('resources.doctors.registry.load_failed')} {(comparison.error as Error).message}
        </Alert>
      )}
      {answer && (
        <>
          <OutcomeNotice answer={answer} npi={doctor.npi} />
          {answer.comparison.length > 0 && <ComparisonTable rows={answer.comparison} />}
          {answer.record && <RegistryDetails record={answer.record} />}
        </>
      )}
    </Section>
  );
};
