import { DoctorCard } from '../../ui/DoctorCard';
import { ModerationShow } from '../../ui/ModerationShow';
import { ReviewContent } from './ReviewContent';

const ReviewShow = () => (
  <ModerationShow aside={<DoctorCard />}>
    <ReviewContent />
  </ModerationShow>
);

export default ReviewShow;
