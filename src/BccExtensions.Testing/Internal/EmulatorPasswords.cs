using System.Security.Cryptography;
using System.Text;

namespace BccExtensions.Testing.Internal;

/// <summary>Decrypts password fields as BCC does: AES-128-ECB keyed by the first 16 characters of the caller's secret key.</summary>
internal static class EmulatorPasswords
{
    public static string Decrypt(string hex, EmulatorCaller caller, string field)
    {
        try
        {
            using var aes = Aes.Create();
            aes.Key = Encoding.UTF8.GetBytes(caller.SecretAccessKey[..16]);
            return Encoding.UTF8.GetString(aes.DecryptEcb(Convert.FromHexString(hex), PaddingMode.PKCS7));
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            throw EmulatorError.BadRequest($"'{field}' must be AES-encrypted with the secret access key and hex-encoded.");
        }
    }
}
