import { Typography } from '@mui/material';
import { Link, ReferenceField, useCreatePath, useRecordContext } from 'react-admin';
import type { Question } from '../../domain/model';
import { TimestampField } from '../../ui/Dates';
import { DoctorStandingBanner } from '../../ui/DoctorStandingBanner';
import { Section } from '../../ui/Section';
import { UserText } from '../../ui/UserText';

/** The patient's question, in full: an answer is judged against what was asked. */
const AnsweredQuestion = () => {
  const question = useRecordContext<Question>();
  const createPath = useCreatePath();
  if (!question) return null;
  return (
    <>
      <Typography variant="h6" component="p">
        <Link to={createPath({ resource: 'questions', id: question.id, type: 'show' })}>
          {question.title}
        </Link>
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {question.procedure} · {question.askerName} · <TimestampField source="createdAt" />
      </Typography>
      <UserText source="body" />
    </>
  );
};

/** The answer with the question it answers: what a moderator reads before deciding on it. */
export const AnswerContent = () => (
  <>
    <DoctorStandingBanner kind="answers" />
    <Section title="resources.answers.section.question">
      <ReferenceField source="questionId" reference="questions" link={false}>
        <AnsweredQuestion />
      </ReferenceField>
    </Section>
    <Section title="resources.answers.section.answer">
      <UserText source="body" />
    </Section>
  </>
);
