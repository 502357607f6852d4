import { Typography } from '@mui/material';
import { DataTable, ReferenceManyField, useTranslate } from 'react-admin';
import { Column } from '../../ui/Column';
import { TimestampField } from '../../ui/Dates';
import { Excerpt } from '../../ui/Excerpt';
import { ModerationShow } from '../../ui/ModerationShow';
import { RatingField } from '../../ui/RatingField';
import { RiskScore } from '../../ui/RiskScore';
import { Section } from '../../ui/Section';
import { ShowLink } from '../../ui/ShowLink';
import { StatusChip } from '../../ui/StatusChip';
import { DoctorCredentials } from './DoctorCredentials';
import { DoctorHeader } from './DoctorHeader';

const recentRows = 5;

/** The doctor's latest content of one kind, newest first, each row opening its own page. */
const RecentContent = ({
  reference,
  children,
}: {
  reference: 'answers' | 'reviews';
  children: React.ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <ReferenceManyField
      reference={reference}
      target="doctorId"
      perPage={recentRows}
      sort={{ field: 'createdAt', order: 'DESC' }}
    >
      <DataTable
        rowClick="show"
        bulkActionButtons={false}
        empty={
          <Typography variant="body2" color="text.secondary">
            {translate(`resources.doctors.section.no_${reference}`)}
          </Typography>
        }
      >
        <Column source="status">
          <StatusChip />
        </Column>
        <Column source="riskScore" align="right">
          <RiskScore />
        </Column>
        {children}
        <Column source="createdAt">
          <TimestampField source="createdAt" />
        </Column>
      </DataTable>
    </ReferenceManyField>
  );
};

const DoctorShow = () => (
  <ModerationShow statusSource="verificationStatus" header={<DoctorHeader />}>
    <DoctorCredentials />
    <Section title="resources.doctors.section.recent_answers">
      <RecentContent reference="answers">
        <Column source="body" disableSort>
          <ShowLink>
            <Excerpt source="excerpt" />
          </ShowLink>
        </Column>
      </RecentContent>
    </Section>
    <Section title="resources.doctors.section.recent_reviews">
      <RecentContent reference="reviews">
        <Column source="rating">
          <RatingField />
        </Column>
        <Column source="body" disableSort>
          <ShowLink>
            <Excerpt source="excerpt" lead="title" />
          </ShowLink>
        </Column>
      </RecentContent>
    </Section>
  </ModerationShow>
);

export default DoctorShow;
