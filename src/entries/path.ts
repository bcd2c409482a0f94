// The course path (home page): lesson statuses. (Who is reading is a plain form: see
// AudienceChooser.astro and the inline script in Base.astro.)
import '../components/theme';
import '../features/review/due-count';
import '../features/path/statuses';
