// Pages of course text (the glossary): depth toggle and glossary terms.
import '../theme';
import '../review-due';
import '../depth';
import '../term';
