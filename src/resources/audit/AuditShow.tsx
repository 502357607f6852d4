import { Box } from '@mui/material';
import { ReferenceField, Show } from 'react-admin';
import { CodeField } from '../../ui/CodeField';
import { wholeRecord } from '../../ui/wholeRecord';
import { TimestampField } from '../../ui/Dates';
import { Fact, Facts } from '../../ui/Facts';
import { RuleResults } from '../../ui/RuleResults';
import { Section } from '../../ui/Section';
import { UserText } from '../../ui/UserText';
import { AuditedRecordField, TransitionField } from './AuditFields';

const AuditShow = () => (
  <Show component="div" queryOptions={wholeRecord}>
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 960 }}>
      <Section title="resources.audit.name" titleArgs={{ smart_count: 1 }}>
        <Facts>
          <Fact source="id" />
          <Fact source="at">
            <TimestampField source="at" />
          </Fact>
          <Fact source="actorId">
            <ReferenceField
              source="actorId"
              reference="moderators"
              link={false}
              emptyText="resources.audit.system"
            />
          </Fact>
          <Fact source="action" />
          <Fact source="recordId">
            <AuditedRecordField />
          </Fact>
          <Fact label="resources.audit.fields.transition">
            <TransitionField />
          </Fact>
          <Fact source="reasonCode">
            <CodeField source="reasonCode" />
          </Fact>
          <Fact source="note">
            <UserText source="note" />
          </Fact>
          <Fact source="prevHash">
            <CodeField source="prevHash" />
          </Fact>
          <Fact source="hash">
            <CodeField source="hash" />
          </Fact>
        </Facts>
      </Section>
      <Section title="resources.audit.fields.ruleResults">
        <RuleResults />
      </Section>
    </Box>
  </Show>
);

export default AuditShow;
