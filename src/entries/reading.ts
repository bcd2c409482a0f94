// Pages of course text (the glossary): depth toggle and glossary terms.
import '../components/theme';
import '../features/review/due-count';
import '../components/depth';
import '../mdx/term';
