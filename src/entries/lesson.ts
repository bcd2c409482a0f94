// Lesson pages: reading enhancements, the progress notice, completion, "Add to my questions".
import '../components/theme';
import '../features/review/due-count';
import '../components/depth';
import '../mdx/term';
import { noticeFor } from '../features/progress/notice-store';
import { progress } from '../features/progress';
import '../features/progress/lesson';
import '../features/consult/ask';

noticeFor(progress());
