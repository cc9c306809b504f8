using System.Security.Cryptography;
using System.Text;

namespace BccExtensions.Internal.Operations;

/// <summary>
/// Encrypts password fields as BCC requires: AES-128-ECB with PKCS#7 padding, keyed by the first 16 characters
/// of the secret access key, sent as lower-case hex.
/// </summary>
internal static class BccPasswordEncryptor
{
    public static string Encrypt(string password, string secretAccessKey)
    {
        if (secretAccessKey.Length < 16)
        {
            throw new InvalidOperationException("The secret access key is shorter than the 16 characters BCC password encryption needs.");
        }

        using var aes = Aes.Create();
        aes.Key = Encoding.UTF8.GetBytes(secretAccessKey[..16]);
        byte[] cipher = aes.EncryptEcb(Encoding.UTF8.GetBytes(password), PaddingMode.PKCS7);
        return Convert.ToHexString(cipher).ToLowerInvariant();
    }
}
