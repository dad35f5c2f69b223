export default 'server/index.ts'
