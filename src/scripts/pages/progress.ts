// The progress page: table, export, import, clear. The page states a progress problem in its own
// standing note while it holds (progress-page.ts), so the site-wide notice would only repeat it.
import '../theme';
import '../progress-page';
