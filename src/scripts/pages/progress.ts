// The progress page: table, export, import, clear.
import '../theme';
import { noticeFor } from '../notice-store';
import { progressBase } from '../../features/progress/base';
import '../progress-page';

noticeFor(progressBase());
