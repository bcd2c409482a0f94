// The certificate page: the theme toggle, the progress notice, the certificate.
import '../theme';
import '../review-due';
import { showNotice } from '../notice';
import { peekProgress } from '../../features/progress/peek';
import '../certificate';

showNotice(peekProgress().problem);
