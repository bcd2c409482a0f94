// The review page: the theme toggle, the header's due count, and the notice when progress cannot
// be saved (the island saves each answer through the same store).
import '../components/theme';
import '../features/review/due-count';
import { noticeFor } from '../features/progress/notice-store';
import { progressBase } from '../features/progress/base';

noticeFor(progressBase());
