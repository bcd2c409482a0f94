// "N questions to review today" in the header and on the home page (features/review/peek.ts),
// now and whenever another tab reviews or answers a quiz. No nagging: nothing shows when none are due.
import { showDueCount } from './peek';

showDueCount();
addEventListener('storage', showDueCount);
