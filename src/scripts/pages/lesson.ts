// Lesson pages: reading enhancements, the progress notice, completion, "Add to my questions".
import '../theme';
import '../depth';
import '../term';
import { showNotice } from '../notice';
import { progress } from '../../lib/progress';
import '../lesson';
import '../ask';

showNotice(progress().problem);
