// bottleneck's light build (no clustering), as @octokit/plugin-throttling uses it, has the types
// of the full package.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
