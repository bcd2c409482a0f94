// Lesson pages: completion.
import './site';
import '../lesson';
