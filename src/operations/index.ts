// Public entry of @stocksync/db/operations: typed business actions that run inside a tenant context.
export {};
