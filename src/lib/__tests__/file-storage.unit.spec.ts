import { backendUrlFromEnv, fileModuleFromEnv } from "../file-storage"

describe("backendUrlFromEnv", () => {
  it("prefers MEDUSA_BACKEND_URL without its trailing slash, else localhost on PORT, else 9000", () => {
    expect(backendUrlFromEnv({ MEDUSA_BACKEND_URL: "https://api.skinior.com/", PORT: "7001" })).toBe("https://api.skinior.com")
    expect(backendUrlFromEnv({ MEDUSA_BACKEND_URL: "", PORT: "7001" })).toBe("http://localhost:7001")
    expect(backendUrlFromEnv({})).toBe("http://localhost:9000")
  })

  it("refuses what is not a URL or a port", () => {
    expect(() => backendUrlFromEnv({ MEDUSA_BACKEND_URL: "api.skinior.com" })).toThrow(
      'MEDUSA_BACKEND_URL must be an http(s) URL, not "api.skinior.com"'
    )
    expect(() => backendUrlFromEnv({ PORT: "90a" })).toThrow('PORT must be a port number, not "90a"')
  })
})

describe("fileModuleFromEnv", () => {
  it("uses the local provider with the backend's own /static URLs by default", () => {
    expect(fileModuleFromEnv({ PORT: "7001" })).toEqual({
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/file-local", id: "local", options: { backend_url: "http://localhost:7001/static" } },
        ],
      },
    })
  })

  it("uses S3 when S3_BUCKET is set", () => {
    const env = {
      S3_BUCKET: "skinior-media",
      S3_FILE_URL: "https://media.skinior.com/",
      S3_REGION: "eu-central-1",
      S3_ACCESS_KEY_ID: "AKIA123",
      S3_SECRET_ACCESS_KEY: "secret",
      S3_ENDPOINT: "https://s3.example.com",
    }
    expect(fileModuleFromEnv(env).options.providers).toEqual([
      {
        resolve: "@medusajs/medusa/file-s3",
        id: "s3",
        options: {
          bucket: "skinior-media",
          file_url: "https://media.skinior.com",
          region: "eu-central-1",
          access_key_id: "AKIA123",
          secret_access_key: "secret",
          endpoint: "https://s3.example.com",
          prefix: undefined,
        },
      },
    ])
  })

  it("names every S3 setting that is missing", () => {
    expect(() => fileModuleFromEnv({ S3_BUCKET: "skinior-media", S3_REGION: "eu-central-1" })).toThrow(
      "S3_BUCKET is set, so S3_FILE_URL, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY must be set too"
    )
  })
})
