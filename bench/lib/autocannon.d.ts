// The part of autocannon's API that bench/dashboard-http.ts uses (the package ships no types).
declare module "autocannon" {
  type Options = { url: string; headers?: Record<string, string>; connections?: number; duration?: number; timeout?: number };
  type Result = { errors: number; timeouts: number; non2xx: number; requests: { average: number } };
  type Instance = Promise<Result> & {
    on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
  };
  function autocannon(options: Options): Instance;
  export default autocannon;
}
