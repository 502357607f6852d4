import { Box, Typography } from '@mui/material';
import { DataTable, ReferenceManyField, Show, useRecordContext, useTranslate, Pagination } from 'react-admin';
import type { Question } from '../../domain/model';
import { Column } from '../../ui/Column';
import { wholeRecord } from '../../ui/wholeRecord';
import { TimestampField } from '../../ui/Dates';
import { DoctorReferenceField } from '../../ui/DoctorReferenceField';
import { Excerpt } from '../../ui/Excerpt';
import { RiskScore } from '../../ui/RiskScore';
import { Section } from '../../ui/Section';
import { ShowLink } from '../../ui/ShowLink';
import { StatusChip } from '../../ui/StatusChip';
import { UserText } from '../../ui/UserText';

const QuestionContent = () => {
  const question = useRecordContext<Question>();
  if (!question) return null;
  return (
    <Section title="resources.questions.name" titleArgs={{ smart_count: 1 }}>
      <Typography variant="h6" component="p">
        {question.title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {question.procedure} · {question.askerName} · <TimestampField source="createdAt" />
      </Typography>
      <UserText source="body" />
    </Section>
  );
};

const QuestionAnswers = () => {
  const translate = useTranslate();
  return (
    <Section title="resources.questions.section.answers">
      <ReferenceManyField
        reference="answers"
        target="questionId"
        sort={{ field: 'createdAt', order: 'ASC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[]} />}
      >
        <DataTable
          rowClick="show"
          bulkActionButtons={false}
          empty={
            <Typography variant="body2" color="text.secondary">
              {translate('resources.questions.section.no_answers')}
            </Typography>
          }
        >
          <Column source="status">
            <StatusChip />
          </Column>
          <Column source="riskScore" align="right">
            <RiskScore />
          </Column>
          <Column source="body" disableSort>
            <ShowLink>
              <Excerpt source="excerpt" />
            </ShowLink>
          </Column>
          <Column source="doctorId" disableSort>
            <DoctorReferenceField />
          </Column>
          <Column source="createdAt">
            <TimestampField source="createdAt" />
          </Column>
        </DataTable>
      </ReferenceManyField>
    </Section>
  );
};

const QuestionShow = () => (
  <Show component="div" queryOptions={wholeRecord}>
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 1100 }}>
      <QuestionContent />
      <QuestionAnswers />
    </Box>
  </Show>
);

export default QuestionShow;
