// On every page: the theme toggle, the progress notice, and the small enhancements of reading
// content (depth toggle, glossary terms), which do nothing on a page without them.
import '../theme';
import '../notice';
import '../depth';
import '../term';
