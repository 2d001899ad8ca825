import pkg from "../../package.json";

/** The release both Workers report in `/health` and `status`. */
export const VERSION: string = pkg.version;
