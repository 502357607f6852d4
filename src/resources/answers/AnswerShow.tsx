import { DoctorCard } from '../../ui/DoctorCard';
import { ModerationShow } from '../../ui/ModerationShow';
import { AnswerContent } from './AnswerContent';

const AnswerShow = () => (
  <ModerationShow aside={<DoctorCard />}>
    <AnswerContent />
  </ModerationShow>
);

export default AnswerShow;
