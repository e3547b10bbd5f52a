# The published package: publint, attw, and a consumer that installs the packed tarball and
# imports every subpath from ESM and CJS.
check "publint" npx --no-install publint --strict
check "attw --pack" npx --no-install attw --pack . --profile node16
log "consumer test (npm pack, install, import every subpath from ESM and CJS)"
consumer=$(npx --no-install tsx scripts/consumer-test.ts) || true
cp=$(echo "$consumer" | tail -1 | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{try{const r=JSON.parse(s);console.log(r.passed+' '+r.failed)}catch{console.log('0 1')}})")
passed=$((passed + ${cp% *})); failed=$((failed + ${cp#* })); [ "${cp#* }" != "0" ] && failures+=("consumer")
