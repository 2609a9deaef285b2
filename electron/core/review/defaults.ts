/** 复习's settings when the user has set none: FSRS aims at 90 % retention; 20 new cards and 200 reviews a day at most. */
import type { ReviewSettings } from '../../shared/types.js';

export const DEFAULT_REVIEW: ReviewSettings = { retention: 0.9, newPerDay: 20, reviewsPerDay: 200 };
