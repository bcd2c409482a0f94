// The review page: the theme toggle, the header's due count, and the notice when progress cannot
// be saved (the island saves each answer through the same store).
import '../theme';
import '../review-due';
import { noticeFor } from '../notice-store';
import { progressBase } from '../../features/progress/base';

noticeFor(progressBase());
