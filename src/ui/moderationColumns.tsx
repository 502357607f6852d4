import { Column } from './Column';
import { FailedRuleChips } from './FailedRuleChips';
import { RiskScore } from './RiskScore';
import { StatusChip } from './StatusChip';

/** The columns every content list opens with: how risky an item is, which rules it fails, where it stands. */
export const moderationColumns = [
  <Column key="riskScore" source="riskScore" align="right">
    <RiskScore />
  </Column>,
  <Column key="failedRules" source="failedRules" label="verity.rules.failed" disableSort>
    <FailedRuleChips />
  </Column>,
  <Column key="status" source="status">
    <StatusChip />
  </Column>,
];
