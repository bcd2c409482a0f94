// The progress page: table, export, import, clear. The page states a progress problem in its own
// standing note while it holds (progress-page.ts), so the site-wide notice would only repeat it.
import '../components/theme';
import '../features/review/due-count';
import '../features/progress/page';
import { showKnowledge } from '../features/review/knowledge-view';
import { progressBase } from '../features/progress/base';

showKnowledge(progressBase());
