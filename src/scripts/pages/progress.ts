// The progress page: table, export, import, clear.
import '../theme';
import { noticeFor } from '../notice-store';
import { progress } from '../../lib/progress';
import '../progress-page';

noticeFor(progress());
