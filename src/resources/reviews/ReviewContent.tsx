import { Box, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { Review } from '../../domain/model';
import { CodeField } from '../../ui/CodeField';
import { CalendarDateField } from '../../ui/Dates';
import { DoctorStandingBanner } from '../../ui/DoctorStandingBanner';
import { Fact, Facts } from '../../ui/Facts';
import { HighlightedText, useFieldHighlights } from '../../ui/HighlightedText';
import { RatingField } from '../../ui/RatingField';
import { Section } from '../../ui/Section';
import { UserText } from '../../ui/UserText';
import { YesNoField } from '../../ui/YesNoField';

const ReviewText = () => {
  const review = useRecordContext<Review>();
  const titleHighlights = useFieldHighlights('title');
  if (!review) return null;
  return (
    <Section title="resources.reviews.name" titleArgs={{ smart_count: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5 }}>
        <RatingField />
        <Typography variant="body2" color="text.secondary">
          {review.rating}/5
        </Typography>
      </Box>
      <Typography variant="h6" component="p" sx={{ mb: 0.5 }}>
        <HighlightedText text={review.title} highlights={titleHighlights} />
      </Typography>
      <Facts sx={{ mb: 1.5 }}>
        <Fact source="procedure" />
        <Fact source="treatmentDate">
          <CalendarDateField source="treatmentDate" />
        </Fact>
      </Facts>
      <UserText source="body" />
    </Section>
  );
};

/** The review and what is known of its reviewer: what a moderator reads before deciding on it. */
export const ReviewContent = () => (
  <>
    <DoctorStandingBanner kind="reviews" />
    <ReviewText />
    <Section title="resources.reviews.section.reviewer">
      <Facts>
        <Fact source="reviewerId">
          <CodeField source="reviewerId" />
        </Fact>
        <Fact source="reviewerEmail" />
        <Fact source="reviewerEmailVerified">
          <YesNoField source="reviewerEmailVerified" />
        </Fact>
        <Fact source="reviewerPhoneVerified">
          <YesNoField source="reviewerPhoneVerified" />
        </Fact>
        <Fact source="reviewerIp">
          <CodeField source="reviewerIp" />
        </Fact>
      </Facts>
    </Section>
  </>
);
