// The consult page (/consult/): the list of questions for the appointment.
import '../components/theme';
import '../features/review/due-count';
import '../features/consult/page';
