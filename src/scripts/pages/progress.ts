// The progress page: table, export, import, clear.
import '../theme';
import { showNotice } from '../notice';
import { progress } from '../../lib/progress';
import '../progress-page';

showNotice(progress().problem);
