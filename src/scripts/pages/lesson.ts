// Lesson pages: reading enhancements, the progress notice, completion, "Add to my questions".
import '../theme';
import '../review-due';
import '../depth';
import '../term';
import { noticeFor } from '../notice-store';
import { progress } from '../../lib/progress';
import '../lesson';
import '../ask';

noticeFor(progress());
