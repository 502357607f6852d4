import { DoctorCard } from '../../ui/DoctorCard';
import { ModerationShow } from '../../ui/ModerationShow';
import { PhotoContent } from './PhotoContent';

const PhotoShow = () => (
  <ModerationShow aside={<DoctorCard />}>
    <PhotoContent />
  </ModerationShow>
);

export default PhotoShow;
