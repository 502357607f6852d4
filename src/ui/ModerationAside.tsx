import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { ReferenceField } from 'react-admin';
import { CodeField } from './CodeField';
import { TimestampField } from './Dates';
import { Fact, Facts } from './Facts';
import { RerunChecksButton } from './RerunChecksButton';
import { RiskExplanation } from './RiskExplanation';
import { RiskScore } from './RiskScore';
import { RuleResults } from './RuleResults';
import { Section, SubHeading } from './Section';
import { StatusChip } from './StatusChip';

/**
 * The right-hand column of a moderated record's page: where it stands (status, risk and why,
 * who decided and why), what the rules found, then whatever the page adds (the doctor's card).
 * `rerunChecks` offers running the rules again where the page shows the record as stored (not
 * in the queue, whose item is the one claimed).
 */
export const ModerationAside = ({
  statusSource = 'status',
  rerunChecks = false,
  children,
}: {
  statusSource?: 'status' | 'verificationStatus';
  rerunChecks?: boolean;
  children?: ReactNode;
}) => (
  <Box sx={{ flex: '0 0 340px', width: 340, ml: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
    <Section title="verity.moderation.title">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5 }}>
        <StatusChip source={statusSource} />
        <RiskScore />
        <RiskExplanation />
      </Box>
      <Facts>
        <Fact source="decidedBy">
          <ReferenceField source="decidedBy" reference="moderators" link={false} emptyText="—" />
        </Fact>
        <Fact source="decidedAt">
          <TimestampField source="decidedAt" />
        </Fact>
        <Fact source="reasonCode">
          <CodeField source="reasonCode" />
        </Fact>
        <Fact source="createdAt">
          <TimestampField source="createdAt" />
        </Fact>
        <Fact source="version" />
      </Facts>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mt: 2, mb: 0.5 }}>
        <SubHeading title="verity.moderation.rules" sx={{ m: 0 }} />
        {rerunChecks && <RerunChecksButton />}
      </Box>
      <RuleResults />
    </Section>
    {children}
  </Box>
);
