import { Box, Typography } from '@mui/material';
import { RecordContextProvider, useRecordContext, useTranslate } from 'react-admin';
import type { BoardOrder, Doctor } from '../../domain/model';
import { CalendarDateField } from '../../ui/Dates';
import { Section } from '../../ui/Section';
import { ToneChip } from '../../ui/ToneChip';
import type { Tone } from '../../ui/tones';

/** A board that took the license away, even for a while, weighs more than a reprimand. */
const orderTones: Record<BoardOrder['kind'], Tone> = {
  reprimand: 'warning',
  probation: 'warning',
  restriction: 'warning',
  suspension: 'danger',
  revocation: 'danger',
};

/** The public orders of state medical boards against the doctor, newest first (DOC_DISCIPLINE). */
export const BoardOrders = () => {
  const doctor = useRecordContext<Doctor>();
  const translate = useTranslate();
  if (!doctor) return null;
  const orders = [...(doctor.boardOrders ?? [])].sort((a, b) => b.orderedOn.localeCompare(a.orderedOn));
  return (
    <Section title="resources.doctors.section.board_orders">
      {orders.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.doctors.board_orders.none')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.25 }}>
          {orders.map((order, index) => (
            <RecordContextProvider key={index} value={order}>
              <Box component="li" sx={{ display: 'grid', gap: 0.25 }}>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                  <ToneChip
                    tone={orderTones[order.kind] ?? 'warning'}
                    label={translate(`resources.doctors.board_orders.kinds.${order.kind}`, { _: order.kind })}
                  />
                  <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
                    {translate('resources.doctors.board_orders.board_of', { state: order.state })}
                  </Typography>
                  <CalendarDateField source="orderedOn" sx={{ color: 'text.secondary' }} />
                </Box>
                <Typography variant="body2">{order.summary}</Typography>
              </Box>
            </RecordContextProvider>
          ))}
        </Box>
      )}
    </Section>
  );
};
