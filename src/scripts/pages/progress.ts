// The progress page: table, export, import, clear.
import './site';
import '../progress-page';
