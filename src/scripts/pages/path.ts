// The course path (home page).
import '../theme';
import '../path';
