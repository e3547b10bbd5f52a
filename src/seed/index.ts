// Public entry of @stocksync/db/seed.
export {};
