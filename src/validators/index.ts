// Public entry of @stocksync/db/validators.
export {};
