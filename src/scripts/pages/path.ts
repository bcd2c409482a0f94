// The course path (home page).
import './site';
import '../path';
