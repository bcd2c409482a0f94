// The consult page (/consult/): the list of questions for the appointment.
import '../theme';
import '../review-due';
import '../consult';
