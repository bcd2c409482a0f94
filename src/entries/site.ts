// Every page: the theme toggle. (Pages that track progress add the notice; reading pages add
// the depth toggle and glossary terms: see the other entries here.)
import '../components/theme';
import '../features/review/due-count';
