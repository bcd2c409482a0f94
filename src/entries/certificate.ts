// The certificate page: the theme toggle, the progress notice, the certificate.
import '../components/theme';
import '../features/review/due-count';
import { showNotice } from '../features/progress/notice';
import { peekProgress } from '../features/progress/peek';
import '../features/progress/certificate';

showNotice(peekProgress().problem);
