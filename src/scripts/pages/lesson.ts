// Lesson pages: reading enhancements, the progress notice, completion.
import '../theme';
import '../depth';
import '../term';
import { showNotice } from '../notice';
import { progress } from '../../lib/progress';
import '../lesson';

showNotice(progress().problem);
