// Pages of course text (the glossary): depth toggle and glossary terms.
import '../theme';
import '../depth';
import '../term';
