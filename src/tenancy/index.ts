// Public entry of @stocksync/db/tenancy.
export {};
